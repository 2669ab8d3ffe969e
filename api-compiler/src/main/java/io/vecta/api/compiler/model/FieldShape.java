package io.vecta.api.compiler.model;

/**
 * How many elements of its type a field holds.
 *
 * <pre>
 *   u32 x;              Scalar
 *   u8 mac[6];          Fixed(6)          string name[64];  Fixed(64)
 *   u8 data[count];     Counted("count")  the element count is the earlier field 'count'
 *   string name[];      Open              length-prefixed string; u8 x[0]: Fixed(0), legacy
 * </pre>
 */
public sealed interface FieldShape {

    /** Whether the field's size is only known from the message itself. */
    boolean isVariableLength();

    record Scalar() implements FieldShape {
        @Override
        public boolean isVariableLength() {
            return false;
        }
    }

    record Fixed(int length) implements FieldShape {
        @Override
        public boolean isVariableLength() {
            return false;
        }
    }

    record Counted(String lengthField) implements FieldShape {
        @Override
        public boolean isVariableLength() {
            return true;
        }
    }

    /** {@code string name[]}: only strings may be declared with empty brackets. */
    record Open() implements FieldShape {
        @Override
        public boolean isVariableLength() {
            return true;
        }
    }
}
