package dev.cardflow.order.query.sales;

import dev.cardflow.order.query.sales.SalesStore.ExportedOrder;

/** RFC 4180 lines of the order export, safe to open in a spreadsheet. */
final class Csv {

    private Csv() {
    }

    static String line(ExportedOrder order) {
        return String.join(",", cell(order.orderId()), cell(order.placedAt().toString()), cell(order.status()),
                cell(order.productName()), cell(Integer.toString(order.quantity())), cell(order.amount()),
                cell(order.currency()), cell(order.email()), cell(order.paymentMethod()), cell(order.paymentId()))
                + "\r\n";
    }

    /**
     * One cell: quoted when it holds a comma, quote or line break (quotes doubled); a text a spreadsheet
     * would take for a formula ({@code = + - @}, or a tab or carriage return first) gets a leading {@code '}.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
