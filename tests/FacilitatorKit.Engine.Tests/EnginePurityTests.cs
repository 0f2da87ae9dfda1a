using System.Xml.Linq;

namespace FacilitatorKit.Engine.Tests;

/// <summary>The engine is a pure library: only the BCL, no packages, no ASP.NET or EF Core (STYLE.md, issue 2).</summary>
public class EnginePurityTests
{
    [Fact]
    public void EngineAssembly_ReferencesOnlyTheBaseClassLibrary()
    {
        var references = typeof(Meeting).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        var foreign = references.Where(name => !IsBaseClassLibrary(name)).ToList();
        Assert.True(foreign.Count == 0, $"The engine must reference only the BCL, but it references: {string.Join(", ", foreign)}");
    }

    [Theory]
    [InlineData("System.Runtime", true)]
    [InlineData("System.Collections.Immutable", true)]
    [InlineData("System", true)]
    [InlineData("netstandard", true)]
    [InlineData("mscorlib", true)]
    [InlineData("Microsoft.AspNetCore.Components", false)]
    [InlineData("Microsoft.EntityFrameworkCore", false)]
    [InlineData("FluentValidation", false)]
    [InlineData("Newtonsoft.Json", false)]
    [InlineData("SystemX.Tools", false)]
    public void IsBaseClassLibrary_TellsTheBclFromEverythingElse(string assembly, bool expected) =>
        Assert.Equal(expected, IsBaseClassLibrary(assembly));

    [Fact]
    public void EngineProject_HasNoPackageOrFrameworkReference()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "FacilitatorKit.Engine", "FacilitatorKit.Engine.csproj");
        var project = XDocument.Load(path);

        // Elements, not text: the project file's comment mentions PackageReference on purpose.
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "GlobalPackageReference")
            .Select(e => $"{e.Name.LocalName} {e.Attribute("Include")?.Value}")
            .ToList();
        Assert.True(references.Count == 0, $"The engine project must stay free of packages and frameworks, but has: {string.Join(", ", references)}");

        // The Web or Razor SDKs would bring ASP.NET in without any reference.
        Assert.Equal("Microsoft.NET.Sdk", project.Root!.Attribute("Sdk")?.Value);
    }

    private static bool IsBaseClassLibrary(string assembly) =>
        assembly is "System" or "netstandard" or "mscorlib" || assembly.StartsWith("System.", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FacilitatorKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FacilitatorKit.sln above {AppContext.BaseDirectory}.");
    }
}
