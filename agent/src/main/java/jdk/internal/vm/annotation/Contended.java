package jdk.internal.vm.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-time stand-in for the JDK's own annotation of this name, which {@code --release 17} does
 * not expose. Only its name reaches the class files; it is left out of the agent jar. HotSpot honours
 * it on classes of the bootstrap class loader, where the hooks are defined: the fields so marked
 * (all fields of a class so marked) get cache lines of their own, padded on both sides.
 */
@Target({ElementType.FIELD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Contended {

    /** Fields with the same group name share one padded block. */
    String value() default "";
}
