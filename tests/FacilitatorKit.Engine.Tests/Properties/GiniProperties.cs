using FacilitatorKit.Engine.Fairness;
using FsCheck;
using FsCheck.Fluent;

namespace FacilitatorKit.Engine.Tests.Properties;

/// <summary>The balance index for any airtime at all: always in [0, 1], blind to order and to scale.</summary>
public class GiniProperties
{
    private const int Cases = 500;

    /// <summary>Non-negative finite values: mostly airtime-like seconds, with zeros, fractions, tiny and huge values mixed in.</summary>
    private static readonly Gen<double> Value = Gen.Frequency(
        (3, Gen.Constant(0.0)),
        (10, Gen.Choose(0, 7200).Select(s => (double)s)),
        (4, Gen.Choose(0, 1_000_000).Select(s => s / 1000.0)),
        (1, Gen.Elements(double.Epsilon, 1e-300, 1e-9, 1e9, 1e300, double.MaxValue / 2, double.MaxValue)));

    private static readonly Arbitrary<double[]> Airtimes = Arb.From(Gen.ArrayOf(Value), ShrinkValues);

    [Fact]
    public void Gini_AnyNonNegativeValues_StaysBetweenZeroAndOne() => Check(values =>
    {
        var gini = Balance.Gini(values);
        Assert.True(gini is >= 0 and <= 1, $"Gini {gini} is outside [0, 1].");
    });

    [Fact]
    public void Gini_AnyNonNegativeValues_StaysBelowTheOneVoiceBound() => Check(values =>
    {
        // With n people the index can at most reach (n - 1) / n, when one holds all the airtime.
        var n = values.Length;
        Assert.True(n == 0 || Balance.Gini(values) <= ((n - 1) / (double)n) + 1e-12);
    });

    [Fact]
    public void Gini_AnyValues_DoesNotDependOnTheirOrder() => Check(values =>
    {
        var reversed = Enumerable.Reverse(values).ToArray();
        Assert.Equal(Balance.Gini(values), Balance.Gini(reversed), 9);
    });

    [Fact]
    public void Gini_AnyValues_IsTheSameAtAnotherScale() => Check(values =>
    {
        var moderate = values.Select(v => Math.Min(v, 1e6)).ToArray();
        Assert.Equal(Balance.Gini(moderate), Balance.Gini([.. moderate.Select(v => v * 60)]), 9);
    });

    [Fact]
    public void Gini_AnyEqualValues_IsZero() => Check(values =>
    {
        var even = values.Select(_ => values.Length == 0 ? 0 : values[0]).ToArray();
        Assert.Equal(0, Balance.Gini(even), 12);
    });

    private static void Check(Action<double[]> property) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), Prop.ForAll(Airtimes, property));

    private static IEnumerable<double[]> ShrinkValues(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            yield return [.. values[..i], .. values[(i + 1)..]];
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > 1)
            {
                var smaller = (double[])values.Clone();
                smaller[i] = Math.Floor(values[i] / 2);
                yield return smaller;
            }
        }
    }
}
