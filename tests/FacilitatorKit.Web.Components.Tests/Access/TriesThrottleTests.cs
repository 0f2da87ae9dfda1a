using System.Net;
using FacilitatorKit.Web.Access;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Web.Components.Tests.Access;

/// <summary>Issue 12 §6: at most 10 wrong passphrases or links a minute per client, then a growing wait.</summary>
public sealed class TriesThrottleTests
{
    private static readonly IPAddress Tablet = IPAddress.Parse("192.168.1.23");
    private static readonly IPAddress Laptop = IPAddress.Parse("192.168.1.20");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 19, 0, 0, TimeSpan.Zero));

    [Fact]
    public void NineMistakesInAMinute_AreNeverStopped()
    {
        var throttle = new TriesThrottle(_clock);
        for (var i = 0; i < TriesThrottle.FailuresPerMinute - 1; i++)
        {
            throttle.Failed(Tablet);
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Tablet));
    }

    [Fact]
    public void TheTenthInAMinute_StartsAWait_ThatDoublesEachTimeTheLimitIsReachedAgain_UpToHalfAnHour()
    {
        var throttle = new TriesThrottle(_clock);
        var waits = new List<TimeSpan>();
        for (var round = 0; round < 8; round++)
        {
            for (var i = 0; i < TriesThrottle.FailuresPerMinute; i++)
            {
                throttle.Failed(Tablet);
            }

            waits.Add(throttle.WaitFor(Tablet));
            _clock.Advance(throttle.WaitFor(Tablet));
            Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Tablet));
        }

        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
             TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30)],
            waits);
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Laptop)); // per client: the facilitator's laptop is not held back
    }

    [Fact]
    public void MistakesOlderThanAMinute_AreForgotten_AndASuccessForgetsTheRest()
    {
        var throttle = new TriesThrottle(_clock);
        for (var i = 0; i < 9; i++)
        {
            throttle.Failed(Tablet);
        }

        _clock.Advance(TimeSpan.FromSeconds(61));
        throttle.Failed(Tablet);
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Tablet));

        for (var i = 0; i < 8; i++)
        {
            throttle.Failed(Tablet);
        }

        throttle.Succeeded(Tablet);
        throttle.Failed(Tablet);
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Tablet));
    }
}

/// <summary>The review of issue 12's sign-in: what a success forgives, and what counts as one client.</summary>
public sealed class TriesThrottleEdgeTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 19, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ASuccessBetweenRoundsOfGuesses_DoesNotStartTheWaitAgainFromThirtySeconds()
    {
        var throttle = new TriesThrottle(_clock);
        var guesser = IPAddress.Parse("192.168.1.66");
        for (var i = 0; i < TriesThrottle.FailuresPerMinute; i++)
        {
            throttle.Failed(guesser);
        }

        _clock.Advance(throttle.WaitFor(guesser));
        throttle.Succeeded(guesser); // their own account, say
        for (var i = 0; i < TriesThrottle.FailuresPerMinute; i++)
        {
            throttle.Failed(guesser);
        }

        Assert.Equal(TimeSpan.FromMinutes(1), throttle.WaitFor(guesser)); // doubled, not back to 30 s
    }

    [Fact]
    public void AnIPv6Network_CountsAsOneClient_SoRotatingAddressesDoesNotHelp()
    {
        var throttle = new TriesThrottle(_clock);
        for (var i = 0; i < TriesThrottle.FailuresPerMinute; i++)
        {
            throttle.Failed(IPAddress.Parse($"2001:db8:1:2::{i + 1:x}"));
        }

        Assert.Equal(TimeSpan.FromSeconds(30), throttle.WaitFor(IPAddress.Parse("2001:db8:1:2::ffff")));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(IPAddress.Parse("2001:db8:1:3::1"))); // another network
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(IPAddress.Parse("::ffff:192.168.1.20")));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("192.168.1.23", false)]
    [InlineData("fe80::1", false)]
    public void TheFirstFacilitator_IsSetUpOnlyOnTheComputerTheAppRunsOn(string remote, bool allowed)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);

        Assert.Equal(allowed, AccessEndpoints.FromThisComputer(http));
    }
}
