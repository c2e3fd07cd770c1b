package dev.cardflow.order.query.sales;

import dev.cardflow.order.query.sales.SalesStore.ExportedOrder;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(Csv.cell("buyer@example.com")).isEqualTo("buyer@example.com");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(Csv.cell("Gift card, 10 EUR")).isEqualTo("\"Gift card, 10 EUR\"");
        assertThat(Csv.cell("the \"best\" card")).isEqualTo("\"the \"\"best\"\" card\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void whatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertThat(Csv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(Csv.cell("+31 6 1234")).isEqualTo("'+31 6 1234");
        assertThat(Csv.cell("-5")).isEqualTo("'-5");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void aLineHasTheTenColumnsOfTheHeader() {
        String line = Csv.line(new ExportedOrder("o-1", Instant.parse("2026-12-01T10:00:00Z"), "DELIVERED",
                "Card, large", 2, "19.80", "EUR", "b@example.com", "simulator", null));

        assertThat(line).isEqualTo("o-1,2026-12-01T10:00:00Z,DELIVERED,\"Card, large\",2,19.80,EUR,b@example.com,"
                + "simulator,\r\n");
        assertThat(SalesController.CSV_HEADER.split(",")).hasSize(10);
    }

    @Test
    void revenueIsWrittenAtTheCurrencysScale() {
        assertThat(SalesController.plain(new java.math.BigDecimal("16"), "EUR")).isEqualTo("16.00");
        assertThat(SalesController.plain(new java.math.BigDecimal("-8.00"), "EUR")).isEqualTo("-8.00");
        assertThat(SalesController.plain(new java.math.BigDecimal("1200"), "JPY")).isEqualTo("1200");
    }
}
