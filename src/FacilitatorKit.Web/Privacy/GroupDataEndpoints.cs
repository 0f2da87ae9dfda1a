using System.Text;
using FacilitatorKit.Application.Retention;
using FacilitatorKit.Data.Export;

namespace FacilitatorKit.Web.Privacy;

/// <summary>
/// A group's data, to take away (issue 13 §4): <c>/groups/{id}/export.json</c> (everything the group owns, for
/// portability) and <c>/groups/{id}/export.md</c> (a readable copy, without airtime), each as a download, for the
/// group's facilitators only (the group page's policy).
/// </summary>
public static class GroupDataEndpoints
{
    public static IEndpointRouteBuilder MapGroupData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/groups/{id:guid}/export.json", (Guid id, GroupExport export, HttpContext http, CancellationToken cancellationToken) =>
            DownloadAsync(id, export, http, "json", "application/json; charset=utf-8", export.JsonAsync, cancellationToken))
            .RequireAuthorization(Access.AccessPolicies.GroupFacilitator);
        app.MapGet("/groups/{id:guid}/export.md", (Guid id, GroupExport export, HttpContext http, CancellationToken cancellationToken) =>
            DownloadAsync(id, export, http, "md", "text/markdown; charset=utf-8", export.MarkdownAsync, cancellationToken))
            .RequireAuthorization(Access.AccessPolicies.GroupFacilitator);
        return app;
    }

    private static async Task<IResult> DownloadAsync(Guid id, GroupExport export, HttpContext http, string extension, string contentType,
        Func<Guid, CancellationToken, Task<string?>> make, CancellationToken cancellationToken)
    {
        var group = await export.GroupAsync(id, cancellationToken).ConfigureAwait(false);
        var text = group is null ? null : await make(id, cancellationToken).ConfigureAwait(false);
        if (group is null || text is null)
        {
            return Results.NotFound();
        }

        // Personal data: kept out of every cache on the way.
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(Encoding.UTF8.GetBytes(text), contentType, GroupExport.FileName(group, extension));
    }
}

/// <summary>Applies each group's retention at start and daily (<see cref="NoteRetention"/>), and logs a sweep that failed, without any name or note.</summary>
internal sealed partial class NoteRetentionHost(NoteRetention retention, ILogger<NoteRetentionHost> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        retention.Failed = e => LogFailed(log, e.GetType().Name);
        retention.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        retention.Dispose();
        await retention.Last.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting the notes past their groups' retention failed ({Error}); it is tried again tomorrow and at the next start")]
    private static partial void LogFailed(ILogger log, string error);
}
