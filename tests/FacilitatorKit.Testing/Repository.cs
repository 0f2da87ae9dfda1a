namespace FacilitatorKit.Testing;

/// <summary>The repository root: the folder holding FacilitatorKit.sln, found by walking up from the running binaries.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string FormatsFolder => Path.Combine(Root, "samples", "formats");

    private static string FindRoot()
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
