package io.descent.report;

/** One plot of the report: a caption and the PNG bytes. */
public record Plot(String title, String caption, byte[] png) {}
