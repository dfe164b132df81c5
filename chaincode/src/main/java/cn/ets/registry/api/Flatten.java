package cn.ets.registry.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record-valued field whose own fields appear at the level of the enclosing object in JSON
 * (a result "is" an allocation view plus a few fields, and carries its {@link Attribution}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Flatten {}
