package jdk.internal.vm.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-time stand-in for the JDK's own annotation of this name, which {@code --release 17} does
 * not expose. Only its name reaches the class files; it is left out of the agent jar. HotSpot honours
 * it on classes of the bootstrap class loader, where the hooks are defined.
 */
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
@Retention(RetentionPolicy.RUNTIME)
public @interface ForceInline {
}
