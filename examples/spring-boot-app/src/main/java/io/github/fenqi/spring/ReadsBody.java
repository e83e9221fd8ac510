package io.github.fenqi.spring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint of this service that reads the request body; to any other a body is a 400 before it runs
 * ({@link UnreadBody}). The endpoints read their bodies themselves ({@link RequestBodies}), so nothing in their
 * signature says whether they do.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ReadsBody {}
