using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Web.Components.Tests.Support;

/// <summary>The app's <see cref="Words"/>, read from its resources as the app reads them.</summary>
public static class TestWords
{
    public static Words Instance { get; } = new ServiceCollection()
        .AddLogging()
        .AddLocalization(options => options.ResourcesPath = "Resources")
        .AddSingleton<Words>()
        .BuildServiceProvider()
        .GetRequiredService<Words>();
}
