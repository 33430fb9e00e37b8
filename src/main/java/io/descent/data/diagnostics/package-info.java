/**
 * The scan job and located errors: the per-partition scan and its merged summary, the table
 * that turns split offsets into line numbers, and the reporter that names the file, line and
 * column at fault (or counts the rows skipped under {@code --bad-records skip}).
 */
package io.descent.data.diagnostics;
