using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Falco.Plugins.Examples.HttpAudit.Capture;

/// <summary>
/// Reads a listen address: <c>127.0.0.1:9765</c>, <c>[::1]:9765</c> or <c>localhost:9765</c>.
/// Addresses other than loopback are refused unless remote clients are explicitly allowed, so
/// a configuration mistake cannot expose the endpoint to the network.
/// </summary>
internal static class ListenAddress
{
    /// <summary>The endpoint <paramref name="text"/> names.</summary>
    /// <param name="text">The address.</param>
    /// <param name="allowRemote">Whether addresses other than loopback are accepted.</param>
    /// <param name="key">The config key or parameter the address came from, for messages.</param>
    /// <exception cref="PluginException">The text is not an address, its port is out of range, or it is not loopback.</exception>
    public static IPEndPoint Parse(string text, bool allowRemote, string key)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            throw new PluginException($"{key} '{text}' is not an address: write ip:port or [ipv6]:port");
        }

        string host = text.Substring(0, colon);
        string port = text.Substring(colon + 1);
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number > IPEndPoint.MaxPort)
        {
            throw new PluginException($"{key} '{text}': the port must be a number from 0 to {IPEndPoint.MaxPort}");
        }

        IPAddress address = ParseHost(host) ?? throw new PluginException($"{key} '{text}' is not an address: write ip:port or [ipv6]:port");
        if (!allowRemote && !IPAddress.IsLoopback(address))
        {
            throw new PluginException($"{key} '{text}' is not a loopback address: set allowRemote to true to accept events from other hosts");
        }

        return new IPEndPoint(address, number);
    }

    private static IPAddress? ParseHost(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        bool bracketed = host.Length > 2 && host[0] == '[' && host[^1] == ']';
        if (bracketed)
        {
            host = host.Substring(1, host.Length - 2);
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            // An IPv6 address needs brackets, or its last group would read as the port.
            return null;
        }

        // Four dotted numbers only: IPAddress also reads shorthands such as "127.1".
        bool valid = IPAddress.TryParse(host, out IPAddress? address) && (bracketed
            ? address.AddressFamily == AddressFamily.InterNetworkV6
            : address.AddressFamily == AddressFamily.InterNetwork && host.AsSpan().Count('.') == 3);
        return valid ? address : null;
    }
}
