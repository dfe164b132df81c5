package cn.ets.registry.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field is a segment of the URL path ({@code /accounts/{id}}), and travels to the chaincode as
 * a positional argument of its own, before the body. Path and query fields come in record order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PathParam {}
