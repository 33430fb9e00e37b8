package io.descent.profile;

import java.io.Serializable;
import java.util.List;

/**
 * What one partition ships to the driver for the profile: its row count, its label histogram,
 * the features it reports (increasing index) and the rest summed. {@code maxOtherNonzeros} is
 * the largest non-zero count among the features it did not report: 0 means it reported all.
 */
public record PartitionProfile(long rows, Histogram labels, List<FeatureSummary> features,
    OtherFeatures others, long maxOtherNonzeros) implements Serializable {}
