package org.genomod.reader.plink.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.genomod.api.data.InputFormatException;

/**
 * One phenotype value per {@code .fam} sample, read with PLINK's conventions: {@code -9} (and
 * {@code NA}, {@code nan}, {@code .}, empty) is missing; a column of only 1, 2 and 0 is case/control
 * with 1 = control, 2 = case and 0 = missing; anything else is quantitative. A side table may also
 * code case/control as 0 = control, 1 = case (PLINK's {@code --1}), which is how a table of 0s and
 * 1s is read, since under the 1/2 rule it would hold no cases at all. A column of text with two
 * classes (e.g. {@code CEU} and {@code JPT+CHB}) is case/control when the {@code positive} parameter
 * names its positive class.
 */
final class Phenotypes {
    /** What the values mean. */
    enum Kind {
        /** 1 for a case, 0 for a control. */
        CASE_CONTROL,
        QUANTITATIVE,
        /** Every value is missing. */
        NONE
    }

    /** The {@code task} parameter. */
    enum TaskChoice {
        AUTO, BINARY, REGRESSION;

        static TaskChoice of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private static final Set<String> MISSING = Set.of("-9", "na", "nan", ".", "");

    private final Kind kind;
    private final float[] values;
    private final String name;
    /** The positive class of a text column, or {@code null} for numbers. */
    private final String positiveClass;

    private Phenotypes(Kind kind, float[] values, String name, String positiveClass) {
        this.kind = kind;
        this.values = values;
        this.name = name;
        this.positiveClass = positiveClass;
    }

    /** No phenotypes at all: {@code phenotype: none}. */
    static Phenotypes none(int samples) {
        float[] values = new float[samples];
        java.util.Arrays.fill(values, Float.NaN);
        return new Phenotypes(Kind.NONE, values, "phenotype", null);
    }

    /** {@link #interpret(String[], long[], Path, boolean, TaskChoice, String, Set)} for numbers only. */
    static Phenotypes interpret(String[] tokens, long[] lines, Path file, boolean sideTable, TaskChoice task, String name)
            throws InputFormatException {
        return interpret(tokens, lines, file, sideTable, task, name, Set.of());
    }

    /**
     * @param tokens    each sample's value as written; {@code null} where the source has none
     * @param lines     the line each token is on, for messages
     * @param sideTable whether the values come from a side table (0/1 coding allowed)
     * @param name      the phenotype's name, the output of a regression
     * @param positives the classes that are positive in a column of text; empty when text is an error
     */
    static Phenotypes interpret(String[] tokens, long[] lines, Path file, boolean sideTable, TaskChoice task, String name,
                                Set<String> positives) throws InputFormatException {
        if (!positives.isEmpty() && hasText(tokens)) {
            return classes(tokens, lines, file, task, name, positives);
        }
        int n = tokens.length;
        double[] raw = new double[n];
        boolean zeroOne = true;
        boolean oneTwo = true;
        int firstOther = -1;
        int present = 0;
        for (int i = 0; i < n; i++) {
            raw[i] = parse(tokens[i], lines[i], file);
            if (Double.isNaN(raw[i])) {
                continue;
            }
            present++;
            boolean binaryValue = raw[i] == 0 || raw[i] == 1 || raw[i] == 2;
            zeroOne &= raw[i] == 0 || raw[i] == 1;
            oneTwo &= binaryValue;
            if (!binaryValue && firstOther < 0) {
                firstOther = i;
            }
        }
        boolean zeroOneCoded = sideTable && zeroOne && present > 0;
        Kind kind;
        switch (task) {
            case REGRESSION -> kind = Kind.QUANTITATIVE;
            case BINARY -> {
                if (!zeroOneCoded && !oneTwo) {
                    throw new InputFormatException(file, lines[firstOther], "task binary needs case/control phenotypes "
                            + "(1 = control, 2 = case, 0 or -9 = missing" + (sideTable ? ", or 0/1" : "") + "), found '"
                            + tokens[firstOther] + "'");
                }
                kind = Kind.CASE_CONTROL;
            }
            default -> kind = zeroOneCoded || oneTwo ? Kind.CASE_CONTROL : Kind.QUANTITATIVE;
        }
        float[] values = new float[n];
        int known = 0;
        for (int i = 0; i < n; i++) {
            double v = raw[i];
            if (kind == Kind.CASE_CONTROL && !zeroOneCoded) {
                v = v == 2 ? 1 : v == 1 ? 0 : Double.NaN; // 0 is missing in 1/2 coding
            }
            values[i] = (float) v;
            known += Double.isNaN(v) ? 0 : 1;
        }
        return new Phenotypes(known == 0 ? Kind.NONE : kind, values, name, null);
    }

    private static boolean hasText(String[] tokens) {
        for (String token : tokens) {
            if (token != null && !MISSING.contains(token.toLowerCase(Locale.ROOT)) && !isNumber(token)) {
                return true;
            }
        }
        return false;
    }

    /** A column of two text classes, one of them named positive: case/control with 1 for the positive class. */
    private static Phenotypes classes(String[] tokens, long[] lines, Path file, TaskChoice task, String name, Set<String> positives)
            throws InputFormatException {
        java.util.TreeMap<String, Long> classes = new java.util.TreeMap<>();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] != null && !MISSING.contains(tokens[i].toLowerCase(Locale.ROOT))) {
                classes.putIfAbsent(tokens[i], lines[i]);
            }
        }
        if (task == TaskChoice.REGRESSION) {
            throw new InputFormatException(file, classes.firstEntry().getValue(), "phenotype '" + classes.firstKey()
                    + "' of column '" + name + "' is not a number, so it cannot be a regression target");
        }
        if (classes.size() > 2) {
            throw new InputFormatException(file, 0, "phenotype column '" + name + "' has " + classes.size() + " classes "
                    + classes.keySet() + "; a binary phenotype has two, one of them named by positive");
        }
        List<String> positive = classes.keySet().stream().filter(positives::contains).toList();
        if (positive.size() != 1 && !(positive.isEmpty() && classes.size() == 1 && positives.size() == 1)) {
            throw new InputFormatException(file, 0, "positive " + positives + " names " + (positive.isEmpty() ? "neither" : "both")
                    + " of the classes " + classes.keySet() + " of phenotype column '" + name + "'; name exactly one of them");
        }
        String positiveClass = positive.isEmpty() ? positives.iterator().next() : positive.get(0);
        float[] values = new float[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            boolean missing = tokens[i] == null || MISSING.contains(tokens[i].toLowerCase(Locale.ROOT));
            values[i] = missing ? Float.NaN : tokens[i].equals(positiveClass) ? 1f : 0f;
        }
        return new Phenotypes(classes.isEmpty() ? Kind.NONE : Kind.CASE_CONTROL, values, name, positiveClass);
    }

    private static boolean isNumber(String token) {
        try {
            parse(token, 0, null);
            return true;
        } catch (InputFormatException e) {
            return false;
        }
    }

    private static double parse(String token, long line, Path file) throws InputFormatException {
        if (token == null || MISSING.contains(token.toLowerCase(Locale.ROOT))) {
            return Double.NaN;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw notANumber(token, line, file);
            }
        }
        try {
            double v = Double.parseDouble(token);
            if (Double.isInfinite(v)) {
                throw notANumber(token, line, file);
            }
            return v;
        } catch (NumberFormatException e) {
            throw notANumber(token, line, file);
        }
    }

    private static InputFormatException notANumber(String token, long line, Path file) {
        return new InputFormatException(file, line, "phenotype '" + token + "' is not a number (case/control 1/2, "
                + "missing -9 or 0, or a quantitative value); for a column of two text classes, name the positive one with positive");
    }

    Kind kind() {
        return kind;
    }

    /** The value of sample {@code i}: 1 case / 0 control, or the quantitative value; NaN when missing. */
    float value(int i) {
        return values[i];
    }

    boolean known(int i) {
        return !Float.isNaN(values[i]);
    }

    String name() {
        return name;
    }

    /** The positive class of a column of text classes, or {@code null} for numbers. */
    String positiveClass() {
        return positiveClass;
    }

    /** Samples, with or without a value. */
    int size() {
        return values.length;
    }

    /** Samples with a value. */
    int count() {
        int n = 0;
        for (float v : values) {
            n += Float.isNaN(v) ? 0 : 1;
        }
        return n;
    }

    /** Samples whose value is 1 (cases, for case/control). */
    int cases() {
        int n = 0;
        for (float v : values) {
            n += v == 1f ? 1 : 0;
        }
        return n;
    }
}
