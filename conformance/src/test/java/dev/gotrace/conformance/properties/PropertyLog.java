package dev.gotrace.conformance.properties;

import dev.gotrace.fixtures.PropertyCheck;

/** Prints what a passing property covered to the test log. */
final class PropertyLog {
  private PropertyLog() {}

  static void print(PropertyCheck.Summary summary) {
    System.out.println(summary);
  }
}
