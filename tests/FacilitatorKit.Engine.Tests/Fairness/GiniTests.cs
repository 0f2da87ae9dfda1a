using FacilitatorKit.Engine.Fairness;

namespace FacilitatorKit.Engine.Tests.Fairness;

/// <summary>The balance index is the Gini coefficient of airtime: 0 is perfectly even, near 1 is one voice.</summary>
public class GiniTests
{
    [Theory]
    [InlineData(new double[] { 1, 1 })]
    [InlineData(new double[] { 5, 5, 5, 5 })]
    [InlineData(new double[] { 0.5, 0.5, 0.5 })]
    [InlineData(new double[] { 3600, 3600, 3600, 3600, 3600, 3600, 3600 })]
    public void Gini_AllEqual_IsZero(double[] airtime) => Assert.Equal(0, Balance.Gini(airtime), 12);

    [Theory]
    [InlineData(new double[] { })]
    [InlineData(new double[] { 42 })]
    [InlineData(new double[] { 0, 0, 0 })]
    public void Gini_NoOneOrNothingToCompare_IsZero(double[] airtime) => Assert.Equal(0, Balance.Gini(airtime));

    [Theory]
    [InlineData(new double[] { 0, 0, 0, 10 }, 0.75)]
    [InlineData(new double[] { 10, 0, 0, 0 }, 0.75)]
    [InlineData(new double[] { 0, 10 }, 0.5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.25)]
    [InlineData(new double[] { 10, 20, 30, 40 }, 0.25)]
    [InlineData(new double[] { 1, 3 }, 0.25)]
    [InlineData(new double[] { 0, 1, 1, 2 }, 0.375)]
    public void Gini_KnownValues_AreComputedExactly(double[] airtime, double expected) =>
        Assert.Equal(expected, Balance.Gini(airtime), 12);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(12)]
    public void Gini_OneVoiceAmongN_IsNMinusOneOverN(int people)
    {
        var airtime = new double[people];
        airtime[people / 2] = 300;

        Assert.Equal((people - 1) / (double)people, Balance.Gini(airtime), 12);
    }

    [Fact]
    public void Gini_OrderOfValues_DoesNotMatter() =>
        Assert.Equal(Balance.Gini([5, 60, 0, 240, 30]), Balance.Gini([240, 30, 5, 0, 60]), 12);

    [Fact]
    public void Gini_SameProportionsAtAnotherScale_IsUnchanged() =>
        Assert.Equal(Balance.Gini([1, 4, 9]), Balance.Gini([60, 240, 540]), 12);

    [Fact]
    public void Gini_MovingAirtimeFromTheMostToTheLeast_LowersIt()
    {
        var before = Balance.Gini([10, 60, 300]);
        var after = Balance.Gini([40, 60, 270]);

        Assert.True(after < before, $"Expected a more even spread to lower the index: {before} then {after}.");
    }

    [Fact]
    public void Gini_DoesNotChangeTheValuesGiven()
    {
        double[] airtime = [30, 0, 10];

        Balance.Gini(airtime);

        Assert.Equal([30, 0, 10], airtime);
    }
}
