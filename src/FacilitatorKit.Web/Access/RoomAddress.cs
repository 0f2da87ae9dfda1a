using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using QRCoder;

namespace FacilitatorKit.Web.Access;

/// <summary>
/// The address other devices in the room use to reach this app: the LAN address when the facilitator opted in with
/// --urls (a wildcard becomes this machine's first LAN IPv4 address), otherwise none (the app listens on this computer
/// only, and a tablet cannot reach it). Invite links and QR codes are made on it.
/// </summary>
public sealed class RoomAddress(IServiceProvider services)
{
    private Uri? _base;
    private volatile bool _known;

    /// <summary>
    /// The base address for the room ("http://192.168.1.20:5000/"), or null when the app listens on loopback only.
    /// Worked out once the server listens (it reads the network interfaces), then kept: an open devices panel asks at
    /// every render.
    /// </summary>
    public Uri? Base
    {
        get
        {
            if (_known)
            {
                return _base;
            }

            // No server (a component test), or not listening yet: nothing to keep.
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is not { Count: > 0 })
            {
                return null;
            }

            _base = Find(addresses);
            _known = true;
            return _base;
        }
    }

    private static Uri? Find(ICollection<string> addresses)
    {
        foreach (var address in addresses)
        {
            var wildcard = address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("[::]", "0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri))
            {
                continue;
            }

            var host = uri.Host.Trim('[', ']');
            if (host == "0.0.0.0" && LanAddress() is { } lan)
            {
                return new UriBuilder(uri) { Host = lan.ToString() }.Uri;
            }

            if (IPAddress.TryParse(host, out var ip) && !IPAddress.IsLoopback(ip) && host != "0.0.0.0")
            {
                return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
            }
        }

        return null;
    }

    /// <summary>A QR code for <paramref name="link"/>, as a PNG data address for an img (the page's policy allows data: images).</summary>
    public static string QrCode(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The QR code as text for a terminal (the start-up log on a LAN).</summary>
    public static string QrCodeText(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.L);
        return new AsciiQRCode(data).GetGraphicSmall();
    }

    private static IPAddress? LanAddress()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        }
        catch (NetworkInformationException)
        {
            return null;
        }
    }
}
