package jdk.internal.vm.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-time stand-in for the JDK's own annotation of this name, which {@code --release 17} does
 * not expose. Only its name reaches the class files; it is left out of the agent jar. HotSpot honours
 * it on classes of the bootstrap class loader, where the hooks are defined: a field so marked whose
 * value (or array element, at every level of its type) is no longer null or zero is a constant of
 * compiled code.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Stable {
}
