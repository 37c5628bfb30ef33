package io.stagecraft.sizing;

/** Where a catalog price came from and when: every figure carries one. */
public record PriceSource(String id, String title, String url, String date, boolean verified, String note) {
}
