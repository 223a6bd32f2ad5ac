package io.growthwatch.core.instrument;

import org.objectweb.asm.ClassReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells from a class file's constant pool alone whether the class can contain anything the agent
 * rewrites: a call to a map mutation method, a set mutation method of a set type, a map-collecting
 * collector of {@code Collectors}, {@code ConcurrentHashMap.newKeySet}, or a constructor call of a
 * tracked map or set class or one of its subclasses. Most classes of a framework's packages contain neither and are then left as they
 * are without parsing their code.
 */
final class ConstantPoolScan {

    private static final int METHODREF = 10;
    private static final int INTERFACE_METHODREF = 11;

    private ConstantPoolScan() {
    }

    /** Whether {@code reader}'s class refers to a map mutation or to a map constructor, seen from {@code loader}. */
    static boolean mayRewrite(ClassReader reader, ClassLoader loader, MapHierarchy hierarchy) {
        char[] buffer = new char[reader.getMaxStringLength()];
        List<String> candidates = new ArrayList<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the unusable slot after a long or double
            }
            int tag = reader.readByte(offset - 1);
            if (tag != METHODREF && tag != INTERFACE_METHODREF) {
                continue;
            }
            int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
            String name = reader.readUTF8(nameAndType, buffer);
            if ("<init>".equals(name)) {
                // kept for after the scan: a mutation found later makes reading hierarchies unnecessary
                candidates.add(reader.readClass(offset, buffer));
            } else {
                String descriptor = reader.readUTF8(nameAndType + 2, buffer);
                String owner = reader.readClass(offset, buffer);
                if (MapTypes.operation(name, descriptor) != null || MapTypes.collectedMap(owner, name, descriptor) != null
                        || MapTypes.madeSet(owner, name, descriptor) != null) {
                    return true;
                }
                if (MapTypes.setOperation(name, descriptor) != null) {
                    if (MapTypes.SET_RECEIVERS.contains(owner)) {
                        return true;
                    }
                    if (!MapTypes.isJdk(owner)) {
                        candidates.add(owner); // an application class: a set only if it extends one, asked after the scan
                    }
                }
            }
        }
        for (String owner : candidates) {
            if (hierarchy.isTracked(loader, owner)) {
                return true;
            }
        }
        return false;
    }
}
