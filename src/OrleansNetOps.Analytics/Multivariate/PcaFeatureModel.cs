using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace OrleansNetOps.Analytics.Multivariate;

/// <summary>
/// One trained model of a router's normal feature vectors. ML.NET's part: <see cref="RandomizedPcaTrainer"/> finds the
/// principal subspace of the vectors (randomized SVD) — the few directions in which the features normally move
/// together. Our part: each feature is transformed by the schema and standardised robustly first (median and MAD of the
/// training vectors), so RIB sizes in the hundreds of thousands and loss in percent weigh alike; and a vector is scored
/// by its distance from the subspace (the squared prediction error, the Q statistic of PCA process monitoring, each
/// feature's residual weighed by its residual variance in training), computed from ML.NET's eigenvectors and mean,
/// with each feature's share of it. ML.NET's own score is the distance
/// relative to the vector's length, which is near 1 for any vector close to the mean and so cannot tell a large
/// anomaly from noise.
/// </summary>
internal sealed class PcaFeatureModel
{
    private const double ResidualVarianceFloor = 0.01;

    private readonly RouterFeatureSchema _schema;
    private readonly double _clip;
    private readonly double[] _median;
    private readonly double[] _scale;
    private readonly float[][] _components;
    private readonly float[] _mean;
    private double[] _residualVariance;

    private PcaFeatureModel(RouterFeatureSchema schema, double clip, double[] median, double[] scale, float[][] components, float[] mean)
    {
        _schema = schema;
        _clip = clip;
        _median = median;
        _scale = scale;
        _components = components;
        _mean = mean;
        _residualVariance = [.. Enumerable.Repeat(1.0, median.Length)];
    }

    public static PcaFeatureModel Train(IReadOnlyList<FeatureSample> training, MultivariateOptions options)
    {
        var schema = options.Schema;
        var width = schema.Features.Length;
        var median = new double[width];
        var scale = new double[width];
        for (var f = 0; f < width; f++)
        {
            var column = training.Select(s => schema.Transform(f, s.Values[f])).Where(double.IsFinite).Order().ToArray();
            median[f] = column.Length == 0 ? 0 : Median(column);
            var deviations = column.Select(v => Math.Abs(v - median[f])).Order().ToArray();
            // MAD as a standard deviation; for a feature that barely moves (peers down is usually 0), its mean absolute
            // deviation; for a constant one, its own units.
            var mad = deviations.Length == 0 ? 0 : 1.4826 * Median(deviations);
            var mean = deviations.Length == 0 ? 0 : 1.2533 * deviations.Average();
            scale[f] = mad > 0 ? mad : mean > 0 ? mean : 1;
        }

        var context = new MLContext(options.Seed);
        var rowSchema = SchemaDefinition.Create(typeof(FeatureRow));
        rowSchema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var rows = training.Select(s => new FeatureRow { Features = Standardise(s.Values, schema, median, scale, options.Clip) }).ToList();
        var data = context.Data.LoadFromEnumerable(rows, rowSchema);
        var trainer = context.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = nameof(FeatureRow.Features),
            Rank = Math.Min(options.Rank, width - 1),
            EnsureZeroMean = true,
            Seed = options.Seed,
        });
        var model = trainer.Fit(data);

        VBuffer<float>[] vectors = [];
        model.Model.GetEigenVectors(ref vectors, out var rank);
        var meanBuffer = default(VBuffer<float>);
        model.Model.GetMean(ref meanBuffer);
        var components = vectors.Take(rank).Select(v => v.DenseValues().ToArray()).ToArray();
        var centre = meanBuffer.Length == width ? meanBuffer.DenseValues().ToArray() : new float[width];
        var trained = new PcaFeatureModel(schema, options.Clip, median, scale, components, centre);

        // Each feature's residual is weighed by how far off the subspace that feature normally lies: a feature the
        // others predict tightly (CPU that follows the update rate) counts a small miss heavily, one they do not predict
        // (independent noise) counts it lightly. The floor keeps a perfectly predicted feature from dividing by zero.
        var variance = new double[width];
        foreach (var sample in training)
        {
            var residuals = trained.Residuals(sample.Values).Residual;
            for (var f = 0; f < width; f++)
            {
                variance[f] += residuals[f] * residuals[f];
            }
        }

        trained._residualVariance = [.. variance.Select(v => Math.Max(v / Math.Max(1, training.Count), ResidualVarianceFloor))];
        return trained;
    }

    /// <summary>
    /// The squared distance of a vector from the principal subspace (in standardised units), and per feature the
    /// reconstruction from the subspace (back in the feature's units) and its share of that distance, largest first.
    /// </summary>
    public (double SquaredError, ImmutableArray<FeatureContribution> Contributions) Assess(IReadOnlyList<double> values)
    {
        var (residual, reconstruction) = Residuals(values);
        var width = residual.Length;
        var squares = new double[width];
        for (var f = 0; f < width; f++)
        {
            squares[f] = residual[f] * residual[f] / _residualVariance[f];
        }

        var total = squares.Sum();
        var contributions = new List<FeatureContribution>(width);
        for (var f = 0; f < width; f++)
        {
            var expectedStandard = reconstruction[f] + _mean[f];
            var expected = Untransform(f, _median[f] + (expectedStandard * _scale[f]));
            contributions.Add(new FeatureContribution(_schema.Features[f].Name, values[f], expected, total > 0 ? squares[f] / total : 0));
        }

        return (total, [.. contributions.OrderByDescending(c => c.Share)]);
    }

    private (double[] Residual, double[] Reconstruction) Residuals(IReadOnlyList<double> values)
    {
        var x = Standardise(values, _schema, _median, _scale, _clip);
        var width = x.Length;
        var centred = new double[width];
        for (var f = 0; f < width; f++)
        {
            centred[f] = x[f] - _mean[f];
        }

        var reconstruction = (double[])centred.Clone();
        Array.Clear(reconstruction);
        foreach (var component in _components)
        {
            var projection = 0.0;
            for (var f = 0; f < width; f++)
            {
                projection += centred[f] * component[f];
            }

            for (var f = 0; f < width; f++)
            {
                reconstruction[f] += projection * component[f];
            }
        }

        var residual = new double[width];
        for (var f = 0; f < width; f++)
        {
            residual[f] = centred[f] - reconstruction[f];
        }

        return (residual, reconstruction);
    }

    private double Untransform(int feature, double value) =>
        _schema.Features[feature].Logarithmic ? Math.Sign(value) * (Math.Exp(Math.Abs(value)) - 1) : value;

    private static float[] Standardise(IReadOnlyList<double> values, RouterFeatureSchema schema, double[] median, double[] scale, double clip)
    {
        var row = new float[median.Length];
        for (var f = 0; f < row.Length; f++)
        {
            var transformed = schema.Transform(f, values[f]);
            // A missing reading carries no information: it is placed at the median.
            row[f] = double.IsFinite(transformed) ? (float)Math.Clamp((transformed - median[f]) / scale[f], -clip, clip) : 0f;
        }

        return row;
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
