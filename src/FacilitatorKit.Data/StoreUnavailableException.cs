namespace FacilitatorKit.Data;

/// <summary>
/// The store cannot be opened at start-up, said for the person who started the app: which file, what is wrong, and
/// what to do. Its message is the whole story, so the app prints it alone, without a stack trace.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreUnavailableException(string path, string reason, Exception innerException)
        : base($"FacilitatorKit cannot open its data at {path}: {reason}", innerException)
    {
        Path = path;
    }

    /// <summary>The database file the app was to open.</summary>
    public string? Path { get; }
}
