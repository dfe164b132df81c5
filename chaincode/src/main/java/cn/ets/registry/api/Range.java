package cn.ets.registry.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integer field's bounds, both inclusive; outside them the command is a BAD_REQUEST, or an
 * INVALID_QUANTITY when the field is a quantity of tonnes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {
    long min();

    long max();

    boolean tonnes() default false;
}
