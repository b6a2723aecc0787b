package dev.gotrace.kit.harness;

import dev.gotrace.kit.runner.Response;
import dev.gotrace.kit.suite.Suite;

/**
 * The score of one case: its category, why (a one-line detail), the first differing event for
 * {@link Category#WRONG_EVENTS} (and for a rejection's prefix), whether the rejection message
 * contains Go's ({@code null} when not applicable), whether the events delivered before the
 * error agree with Go's ({@code null} when the decoder printed none), and what the decoder did.
 */
public record CaseResult(Suite.Case testCase, Category category, String detail,
    EventComparison.Diff diff, Boolean messageAgrees, Boolean prefixAgrees, Response response,
    boolean excused) {

  /** A failure that is not excused (by the baseline, or as an unsupported version the decoder
   * does not claim to support). */
  public boolean failed() {
    return category.isFailure() && !excused;
  }

  CaseResult excused(boolean b) {
    return new CaseResult(testCase, category, detail, diff, messageAgrees, prefixAgrees, response,
        b);
  }
}
