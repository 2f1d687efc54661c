package org.genomod.api.data;

/** What the labels mean, which fixes the output activation, the loss and the metrics that apply. */
public enum TaskType {
    /** One output, a probability of the positive class (sigmoid). */
    BINARY,
    /** One output per class, exactly one class true (softmax). */
    MULTICLASS,
    /** One output per label, any number true (independent sigmoids). */
    MULTILABEL,
    /** One real-valued output per target. */
    REGRESSION
}
