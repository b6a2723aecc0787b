/**
 * Go's quoting rules ({@code strconv.Quote}, {@code Unquote}), exactly, for the raw text format and
 * for printing strings as Go's tools print them.
 */
package dev.gotrace.text;
