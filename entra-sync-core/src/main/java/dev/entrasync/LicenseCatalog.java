package dev.entrasync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Friendly product names of Microsoft licence SKUs ("Microsoft 365 E3" for {@code SPE_E3}), shown on
 * licences and on users' assigned licences. {@link #builtIn()} knows the common SKUs; a host that
 * wants every SKU loads Microsoft's CSV "Product names and service plan identifiers for licensing"
 * with {@link #fromCsv(Path)} and passes it to {@code entra.engine().licenseCatalog(...)}. A SKU
 * no catalog knows is shown by its part number.
 *
 * <p>Immutable and thread-safe.
 */
public final class LicenseCatalog {

    private static final List<String> CSV_COLUMNS = List.of("Product_Display_Name", "String_Id", "GUID");
    private static final LicenseCatalog BUILT_IN = loadBuiltIn();

    private final Map<String, String> byPartNumber;
    private final Map<String, String> bySkuId;

    private LicenseCatalog(Map<String, String> byPartNumber, Map<String, String> bySkuId) {
        this.byPartNumber = Map.copyOf(byPartNumber);
        this.bySkuId = Map.copyOf(bySkuId);
    }

    /**
     * The common SKUs, written from Microsoft's published list.
     *
     * @return the catalog of common SKUs, loaded once from the jar; never null
     */
    public static LicenseCatalog builtIn() {
        return BUILT_IN;
    }

    /**
     * Reads Microsoft's CSV (columns {@code Product_Display_Name,String_Id,GUID,Service_Plan_Name,
     * Service_Plan_Id,Service_Plans_Included_Friendly_Names}, one row per product and service plan;
     * the first row for a product wins). The reader is not closed.
     *
     * @param csv the CSV's text, header row first; never null, and not closed by this method
     * @return a new catalog naming every product of the CSV, by part number and by SKU id; never null
     * @throws IllegalArgumentException naming the line when a column is missing or a row is short
     * @throws IOException if reading fails
     */
    public static LicenseCatalog fromCsv(Reader csv) throws IOException {
        Csv rows = new Csv(csv);
        List<String> header = rows.next();
        if (header == null) {
            throw new IllegalArgumentException("licence CSV: the file is empty; expected Microsoft's header "
                    + "Product_Display_Name,String_Id,GUID,...");
        }
        int[] index = new int[CSV_COLUMNS.size()];
        for (int i = 0; i < CSV_COLUMNS.size(); i++) {
            index[i] = header.stream().map(String::trim).toList().indexOf(CSV_COLUMNS.get(i));
            if (index[i] < 0) {
                throw new IllegalArgumentException("licence CSV: line 1 has no column " + CSV_COLUMNS.get(i)
                        + " (found " + header + "); use Microsoft's \"Product names and service plan identifiers"
                        + " for licensing\" CSV");
            }
        }
        Map<String, String> byPart = new HashMap<>();
        Map<String, String> byGuid = new HashMap<>();
        for (int line = rows.line(); ; line = rows.line()) {
            List<String> row = rows.next();
            if (row == null) {
                break;
            }
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            int needed = Math.max(index[0], Math.max(index[1], index[2]));
            if (row.size() <= needed) {
                throw new IllegalArgumentException("licence CSV: line " + line + " has " + row.size()
                        + " fields, expected at least " + (needed + 1) + "; nothing was loaded");
            }
            String name = row.get(index[0]).trim();
            String part = row.get(index[1]).trim();
            String guid = row.get(index[2]).trim();
            if (!name.isEmpty() && !part.isEmpty()) {
                byPart.putIfAbsent(part.toUpperCase(Locale.ROOT), name);
            }
            if (!name.isEmpty() && !guid.isEmpty()) {
                byGuid.putIfAbsent(guid.toLowerCase(Locale.ROOT), name);
            }
        }
        return new LicenseCatalog(byPart, byGuid);
    }

    /**
     * Reads Microsoft's CSV from a file (UTF-8, with or without a byte-order mark); see {@link #fromCsv(Reader)}.
     *
     * @param file the CSV file, UTF-8 with or without a byte-order mark; never null
     * @return a new catalog naming every product of the file, by part number and by SKU id; never null
     * @throws IOException if the file cannot be opened or read
     * @throws IllegalArgumentException naming the line when a column is missing or a row is short
     */
    public static LicenseCatalog fromCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fromCsv(reader);
        }
    }

    /**
     * This catalog with {@code other}'s names added; where both know a SKU, {@code other} wins.
     *
     * @param other the catalog whose names are added and win over this one's; never null
     * @return a new catalog with the names of both; this catalog is unchanged; never null
     */
    public LicenseCatalog with(LicenseCatalog other) {
        Map<String, String> part = new HashMap<>(byPartNumber);
        part.putAll(other.byPartNumber);
        Map<String, String> guid = new HashMap<>(bySkuId);
        guid.putAll(other.bySkuId);
        return new LicenseCatalog(part, guid);
    }

    /**
     * The product name of a SKU part number such as {@code SPE_E3} (case-insensitive).
     *
     * @param skuPartNumber the SKU part number, such as {@code SPE_E3}; case-insensitive; may be null
     * @return the product name; empty when this catalog does not know the part number or it is null
     */
    public Optional<String> productName(String skuPartNumber) {
        return skuPartNumber == null
                ? Optional.empty()
                : Optional.ofNullable(byPartNumber.get(skuPartNumber.toUpperCase(Locale.ROOT)));
    }

    /**
     * The name to show for a SKU: by its id, else by its part number, else the part number itself
     * (null only when both arguments are null).
     *
     * @param skuId the SKU's GUID; case-insensitive; may be null
     * @param skuPartNumber the SKU part number, such as {@code SPE_E3}; case-insensitive; may be null
     * @return the product name found by id or part number, else {@code skuPartNumber} itself; null only when both
     *     arguments are null
     */
    public String nameFor(String skuId, String skuPartNumber) {
        String byId = skuId == null ? null : bySkuId.get(skuId.toLowerCase(Locale.ROOT));
        return byId != null ? byId : productName(skuPartNumber).orElse(skuPartNumber);
    }

    /**
     * How many products it names.
     *
     * @return the number of products named, by part number or by SKU id, whichever is more; zero or more
     */
    public int size() {
        return Math.max(byPartNumber.size(), bySkuId.size());
    }

    @Override
    public String toString() {
        return "LicenseCatalog[" + size() + " products]";
    }

    private static LicenseCatalog loadBuiltIn() {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = LicenseCatalog.class.getResourceAsStream("license-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("license-names.txt is missing from the entra-sync-core jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    names.put(
                            line.substring(0, eq).trim().toUpperCase(Locale.ROOT),
                            line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in licence names", e);
        }
        return new LicenseCatalog(names, Map.of());
    }
}
