using FacilitatorKit.Data;
using FacilitatorKit.Web;
using FacilitatorKit.Web.Store;

// `--restore-backup FILE` puts a backup back, then exits: the app does not start (README, "Backups").
if (RestoreCommand.IsAsked(args))
{
    return RestoreCommand.Run(args, Console.Out, Console.Error);
}

WebApplication built;
try
{
    built = FacilitatorKitApp.Build(args);
}
catch (StoreUnavailableException unavailable)
{
    // Said once, plainly, with the file and what to do; a stack trace would only hide it.
    await Console.Error.WriteLineAsync(unavailable.Message);
    return 2;
}

await using var app = built;

// Answer first, then catch up: the meetings in progress are brought back (a page asking for one sooner restores it
// itself), and the store is warmed up, while the facilitator opens the browser.
await app.StartAsync();
await FacilitatorKitApp.RestoreMeetingsAsync(app);
await FacilitatorKitApp.WarmUpAsync(app);
await app.WaitForShutdownAsync();
return 0;
