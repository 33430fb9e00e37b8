package io.descent.data;

import io.descent.BadInputException;
import io.descent.block.Block;
import io.descent.block.BlockLayout;
import io.descent.block.FeaturePrecision;
import io.descent.data.diagnostics.InputChangedException;
import io.descent.data.diagnostics.Locations;
import io.descent.data.diagnostics.PartitionScan;
import io.descent.data.diagnostics.ScanPartition;
import io.descent.data.diagnostics.ScanSummary;
import io.descent.data.labels.LabelMapping;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.labels.LabelResolver;
import io.descent.data.labels.LabelValue;
import io.descent.data.packing.FramePacker;
import io.descent.data.packing.PackStats;
import io.descent.data.packing.TrainingData;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowPosition;
import io.descent.data.row.RowProblem;
import io.descent.data.source.FloatRangeDecoder;
import io.descent.data.source.InputFingerprint;
import io.descent.data.source.SourceFrame;
import io.descent.data.source.VectorRowDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Packs an in-memory DataFrame (a Spark ML vector column, a numeric label, optionally a
 * numeric weight) into the same cached Blocks as {@link DataLoader}: the rows are checked by
 * the same decoder and scan, labels resolved by the same rules, then packed in place, one
 * partition at a time. The DataFrame is evaluated twice (scan, then pack); cache it first
 * when that is expensive. Rows are numbered in partition order in messages.
 */
public final class FrameLoader {
  private static final String DISPLAY = "the DataFrame";

  private FrameLoader() {}

  /** As below, with double feature values. */
  public static TrainingData load(Dataset<Row> df, String labelCol, String featuresCol,
      String weightCol, LabelPolicy policy, Integer numFeatures, int partitions, long blockBytes,
      org.apache.spark.storage.StorageLevel level) {
    return load(df, labelCol, featuresCol, weightCol, policy, numFeatures, partitions, blockBytes,
        level, FeaturePrecision.DOUBLE);
  }

  /** {@code partitions <= 0} keeps the DataFrame's partitioning; {@code numFeatures} may be null. */
  public static TrainingData load(Dataset<Row> df, String labelCol, String featuresCol,
      String weightCol, LabelPolicy policy, Integer numFeatures, int partitions, long blockBytes,
      org.apache.spark.storage.StorageLevel level, FeaturePrecision precision) {
    StructType schema = df.schema();
    require(schema, labelCol, "label", false);
    require(schema, featuresCol, "features", true);
    boolean weighted = weightCol != null && !weightCol.isEmpty();
    if (weighted) {
      require(schema, weightCol, "weight", false);
    }
    Dataset<Row> in = partitions > 0 ? df.repartition(partitions) : df;
    List<Column> fields = new ArrayList<>(List.of(functions.lit(DISPLAY),
        functions.spark_partition_id().cast("long"), SourceFrame.named(labelCol).cast("double")));
    if (weighted) {
      fields.add(SourceFrame.named(weightCol).cast("double"));
    }
    fields.add(SourceFrame.named(featuresCol));
    JavaRDD<Row> rows = in.select(fields.toArray(new Column[0])).javaRDD();
    RowDecoder vectors = new VectorRowDecoder(policy, labelCol, weighted ? weightCol : null,
        featuresCol, numFeatures);
    RowDecoder decoder = precision == FeaturePrecision.FLOAT ? new FloatRangeDecoder(vectors) : vectors;

    List<PartitionScan> scans =
        rows.mapPartitions(new ScanPartition(decoder, LabelResolver.censusCap(policy))).collect();
    long[] firstRow = firstRows(scans);
    long totalRows = firstRow[scans.size()];
    for (PartitionScan s : scans) {
      if (s.problem != null) {
        throw new BadInputException(Locations.sentence(DISPLAY, "row",
            rowNumber(firstRow, s.problemAt), s.problem));
      }
    }
    if (totalRows == 0) {
      throw new BadInputException(DISPLAY + " has no rows");
    }
    LabelMapping mapping = labels(policy, scans, firstRow, labelCol);
    long nnz = 0;
    long bound = 0;
    boolean positiveWeight = false;
    for (PartitionScan s : scans) {
      nnz += s.nnz;
      bound = Math.max(bound, Math.max(s.indexBound, s.maxVectorSize));
      positiveWeight |= s.positiveWeight;
    }
    if (weighted && !positiveWeight) {
      throw new BadInputException(DISPLAY + ": every instance weight is zero");
    }
    int d = numFeatures != null ? numFeatures : (int) bound;
    if (d == 0) {
      throw new BadInputException(DISPLAY + " has no features in any row");
    }
    int rowsPerBlock = BlockLayout.rowsPerBlock(blockBytes > 0 ? blockBytes : DataLoader.DEFAULT_BLOCK_BYTES,
        d, nnz, totalRows, weighted, precision);
    JavaRDD<Block> blocks = rows.mapPartitions(
        new FramePacker(decoder, mapping, d, weighted, rowsPerBlock, precision));
    blocks.setName("descent blocks of " + DISPLAY);
    blocks.persist(level);
    long packed = 0;
    double weightSum = 0;
    long bytes = 0;
    for (PackStats s : blocks.mapPartitions(PackStats::of).collect()) {
      packed += s.rows();
      weightSum += s.weightSum();
      bytes += s.arrayBytes();
    }
    if (packed != totalRows) {
      blocks.unpersist(false);
      throw new InputChangedException(DISPLAY + " gave " + packed + " rows to pack after "
          + totalRows + " to check; cache a non-deterministic DataFrame before fitting");
    }
    return new TrainingData(blocks, blocks.getNumPartitions(), totalRows, d, weightSum, mapping,
        bytes, new InputFingerprint(List.of(), totalRows));
  }

  /** The global index of each partition's first row, and the total at the end. */
  private static long[] firstRows(List<PartitionScan> scans) {
    long[] first = new long[scans.size() + 1];
    for (int p = 0; p < scans.size(); p++) {
      long rows = 0;
      for (PartitionScan.Segment s : scans.get(p).segments) {
        rows += s.rows;
      }
      first[p + 1] = first[p] + rows;
    }
    return first;
  }

  /** 1-based row number in partition order; a position's split start is its partition. */
  private static long rowNumber(long[] firstRow, RowPosition at) {
    return firstRow[(int) at.splitStart()] + at.offset() + 1;
  }

  private static LabelMapping labels(LabelPolicy policy, List<PartitionScan> scans,
      long[] firstRow, String labelCol) {
    Map<Double, LabelValue> merged = new LinkedHashMap<>();
    boolean overflow = false;
    for (PartitionScan s : scans) {
      if (s.labels == null) {
        continue;
      }
      overflow |= s.labels.overflow();
      s.labels.values().forEach((value, seen) -> merged.merge(value,
          new LabelValue(value, seen.first, seen.count),
          (a, b) -> new LabelValue(value, a.first(), a.count() + b.count())));
    }
    LabelResolver.Resolution r = LabelResolver.resolve(policy, new ArrayList<>(merged.values()), overflow);
    if (r.problem() != null) {
      RowProblem problem = new RowProblem(labelCol, r.problem());
      throw new BadInputException(r.at() == null ? DISPLAY + ": " + r.problem()
          : Locations.sentence(DISPLAY, "row", rowNumber(firstRow, r.at()), problem));
    }
    return r.mapping();
  }

  private static void require(StructType schema, String name, String role, boolean vector) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(name)) {
        DataType t = f.dataType();
        if (vector ? !(t instanceof VectorUDT) : !(t instanceof NumericType)) {
          throw new BadInputException("the " + role + " column \"" + name + "\" of " + DISPLAY
              + " is " + t.simpleString() + ", not " + (vector ? "a Spark ML vector" : "a number"));
        }
        return;
      }
    }
    throw new BadInputException(DISPLAY + " has no " + role + " column \"" + name
        + "\"; its columns are " + String.join(", ", schema.fieldNames()));
  }
}
