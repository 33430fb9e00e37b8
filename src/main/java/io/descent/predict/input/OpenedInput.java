package io.descent.predict.input;

import io.descent.data.source.SourceFrame;

/** A frame, and whether its label field holds the file's labels or a placeholder. */
record OpenedInput(SourceFrame frame, boolean labelled) {}
