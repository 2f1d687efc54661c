package org.genomod.api.train;

import java.util.List;
import java.util.Objects;

/**
 * How the learning rate changes from epoch to epoch (epochs count from 1).
 *
 * @param type    {@code constant}; {@code step}: multiplied by {@code factor} every {@code every} epochs;
 *                {@code exponential}: multiplied by {@code factor} each epoch; {@code cosine}: from the
 *                initial rate down to {@code initial × factor} along half a cosine over the training's epochs
 * @param factor  the multiplier (step, exponential) or final fraction (cosine), in (0, 1]
 * @param every   epochs between steps ({@code step} only)
 */
public record LearningRateSchedule(String type, double factor, int every) {
    public static final List<String> TYPES = List.of("constant", "step", "exponential", "cosine");
    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule("constant", 1, 1);

    public LearningRateSchedule {
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown learning rate schedule '" + type + "' (known: " + String.join(", ", TYPES) + ")");
        }
        if (!(factor > 0 && factor <= 1) || every < 1) {
            throw new IllegalArgumentException("a schedule's factor must be in (0, 1] and its step at least 1 epoch");
        }
    }

    /** The learning rate of {@code epoch} (from 1) of {@code epochs}, starting at {@code initial}. */
    public double rate(double initial, int epoch, int epochs) {
        int done = Math.max(0, epoch - 1);
        return switch (type) {
            case "step" -> initial * Math.pow(factor, done / every);
            case "exponential" -> initial * Math.pow(factor, done);
            case "cosine" -> {
                double progress = epochs <= 1 ? 0 : Math.min(1, done / (double) (epochs - 1));
                yield initial * (factor + (1 - factor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
            }
            default -> initial;
        };
    }
}
