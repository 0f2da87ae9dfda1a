namespace FacilitatorKit.LiveLatency;

/// <summary>
/// CPU time used by this program (the app's server and the Playwright client), the Playwright driver (node) and the
/// browser (Chromium: renderers, GPU, network and browser processes), read from /proc. Only this program's own
/// descendants count, so other work on a shared machine does not.
/// </summary>
internal sealed record ProcessCpu(double ThisProcessS, double DriverS, double BrowserS, double RenderersS, double MachineS)
{
    public static ProcessCpu Read()
    {
        double self = 0, driver = 0, browser = 0, renderers = 0;
        var machine = MachineBusy();
        try
        {
            var me = Environment.ProcessId;
            var hz = 100.0; // USER_HZ on Linux
            var parents = new Dictionary<int, int>();
            var times = new Dictionary<int, (double Cpu, string Cmd)>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }

                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                    var cpu = (double.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / hz;
                    var cmd = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                    times[pid] = (cpu, cmd);
                }
                catch (IOException)
                {
                    // The process has gone.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            foreach (var (pid, (cpu, cmd)) in times)
            {
                if (pid == me)
                {
                    self += cpu;
                    continue;
                }

                var ancestor = pid;
                var depth = 0;
                while (ancestor > 1 && ancestor != me && depth++ < 64)
                {
                    ancestor = parents.GetValueOrDefault(ancestor);
                }

                if (ancestor != me)
                {
                    continue;
                }

                if (cmd.Contains("chromium", StringComparison.Ordinal))
                {
                    browser += cpu;
                    if (cmd.Contains("--type=renderer", StringComparison.Ordinal))
                    {
                        renderers += cpu;
                    }
                }
                else
                {
                    driver += cpu;
                }
            }
        }
        catch (IOException)
        {
            // No /proc: report zeros.
        }

        return new(self, driver, browser, renderers, machine);
    }

    /// <summary>Lowers the priority of this process's children (the Playwright driver) with <c>renice</c>; what they start later inherits it.</summary>
    public static void Renice(int nice)
    {
        var me = Environment.ProcessId;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                if (parent == me)
                {
                    using var renice = System.Diagnostics.Process.Start("renice", ["-n", nice.ToString(System.Globalization.CultureInfo.InvariantCulture), "-p", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    renice.WaitForExit(5_000);
                }
            }
            catch (IOException)
            {
                // The process has gone.
            }
        }
    }

    /// <summary>CPU time the whole machine spent busy (all processes, every core), from the first line of /proc/stat.</summary>
    private static double MachineBusy()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = fields.Skip(1).Take(8).Select(f => double.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is inside user): busy is all but idle and iowait.
            return (ticks.Sum() - ticks[3] - ticks[4]) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static ProcessCpu operator -(ProcessCpu a, ProcessCpu b) =>
        new(a.ThisProcessS - b.ThisProcessS, a.DriverS - b.DriverS, a.BrowserS - b.BrowserS, a.RenderersS - b.RenderersS, a.MachineS - b.MachineS);

    /// <summary>Each as a share of one core over <paramref name="wall"/> (200% is both cores of a 2-core machine).</summary>
    public string Describe(TimeSpan wall)
    {
        string Pct(double seconds) => $"{seconds / Math.Max(0.001, wall.TotalSeconds) * 100:0}%";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"this process (server + Playwright client) {Pct(ThisProcessS)}, Chromium {Pct(BrowserS)} (renderers {Pct(RenderersS)}), Playwright driver {Pct(DriverS)}; in all {Pct(ThisProcessS + BrowserS + DriverS)} of {Environment.ProcessorCount * 100}%; everything else on the machine {Pct(Math.Max(0, MachineS - ThisProcessS - BrowserS - DriverS))}");
    }
}
