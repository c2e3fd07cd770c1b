package dev.cardflow.api.inventory;

import dev.cardflow.api.common.InvalidCommand;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.cardflow.api.common.Require.*;

/**
 * What a MANUAL product asks the buyer to fill in at checkout (a game account id, a server), shown under
 * {@code label}; {@code name} is the key of the value in the placement's {@code fields}.
 */
public record BuyerField(String name, String label, boolean required) {

    public static final int MAX_FIELDS = 10;
    public static final int MAX_LABEL = 100;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,40}");

    public BuyerField {
        text(name, "buyerFields.name");
        name = name.strip();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidCommand("invalid-buyer-fields", "buyerFields",
                    "A buyer field's name must be 1 to 40 letters, digits, '_' or '-'.");
        }
        label = text(label, "buyerFields.label", MAX_LABEL);
    }

    /** A product's buyer fields checked as a whole: at most {@link #MAX_FIELDS}, names unique; null reads as none. */
    public static List<BuyerField> checked(List<BuyerField> fields) {
        if (fields == null) {
            return List.of();
        }
        if (fields.size() > MAX_FIELDS) {
            throw new InvalidCommand("invalid-buyer-fields", "buyerFields",
                    "A product asks at most " + MAX_FIELDS + " buyer fields.");
        }
        Set<String> names = new HashSet<>();
        for (BuyerField field : fields) {
            present(field, "buyerFields");
            if (!names.add(field.name())) {
                throw new InvalidCommand("invalid-buyer-fields", "buyerFields",
                        "Buyer field names must be unique: " + field.name() + " is there twice.");
            }
        }
        return List.copyOf(fields);
    }
}
