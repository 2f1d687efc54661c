package org.genomod.core.internal.report;

/**
 * Builds HTML and inline SVG as well-formed XML text. Tag and attribute names come from this package;
 * every text and attribute value is escaped here, since ids, class names and paths come from user files.
 */
final class Markup {
    private final StringBuilder out;

    Markup() {
        this(new StringBuilder(4096));
    }

    private Markup(StringBuilder out) {
        this.out = out;
    }

    /** Opens {@code tag} with attributes given as name, value pairs; a null value leaves the attribute out. */
    Markup open(String tag, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Markup close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element without content, self-closed so that the page stays well-formed XML. */
    Markup empty(String tag, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** An element holding only text. */
    Markup element(String tag, String text, Object... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Markup text(String text) {
        escape(text, false);
        return this;
    }

    /** Appends markup built by another {@link Markup} (already escaped). */
    Markup append(Markup other) {
        out.append(other.out);
        return this;
    }

    /** Appends a constant of this package (style sheet, doctype), never user text. */
    Markup raw(String trusted) {
        out.append(trusted);
        return this;
    }

    private void attributes(Object[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(value instanceof Double d ? Svg.number(d) : String.valueOf(value), true);
                out.append('"');
            }
        }
    }

    private void escape(String text, boolean attribute) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&#39;" : "'");
                default -> {
                    if (Character.isSurrogate(c)) {
                        boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                                && Character.isLowSurrogate(text.charAt(i + 1));
                        if (paired) {
                            out.append(c).append(text.charAt(++i));
                        } else {
                            out.append('\uFFFD');
                        }
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD'); // not allowed in XML, even escaped
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
