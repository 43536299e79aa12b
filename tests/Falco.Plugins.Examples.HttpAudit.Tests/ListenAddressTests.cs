using System.Net;
using Falco.Plugins.Examples.HttpAudit.Capture;

namespace Falco.Plugins.Examples.HttpAudit.Tests;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:9765", "127.0.0.1:9765")]
    [InlineData("127.0.0.2:0", "127.0.0.2:0")]
    [InlineData("[::1]:65535", "[::1]:65535")]
    [InlineData("LocalHost:80", "127.0.0.1:80")]
    public void Reads_loopback_addresses(string text, string endpoint)
    {
        Assert.Equal(IPEndPoint.Parse(endpoint), ListenAddress.Parse(text, allowRemote: false, "listenAddress"));
    }

    [Theory]
    [InlineData("0.0.0.0:9765")]
    [InlineData("[::]:9765")]
    [InlineData("192.0.2.1:1")]
    public void Refuses_other_addresses_unless_remote_clients_are_allowed(string text)
    {
        var refused = Assert.Throws<PluginException>(() => ListenAddress.Parse(text, allowRemote: false, "listenAddress"));

        Assert.Equal($"listenAddress '{text}' is not a loopback address: set allowRemote to true to accept events from other hosts", refused.Message);
        Assert.Equal(IPEndPoint.Parse(text), ListenAddress.Parse(text, allowRemote: true, "listenAddress"));
    }

    [Theory]
    [InlineData("127.0.0.1", "is not an address: write ip:port or [ipv6]:port")]
    [InlineData(":80", "is not an address: write ip:port or [ipv6]:port")]
    [InlineData("127.1:80", "is not an address: write ip:port or [ipv6]:port")]
    [InlineData("::1:80", "is not an address: write ip:port or [ipv6]:port")]
    [InlineData("[127.0.0.1]:80", "is not an address: write ip:port or [ipv6]:port")]
    [InlineData("host.example:80", "is not an address: write ip:port or [ipv6]:port")]
    [InlineData("127.0.0.1:", ": the port must be a number from 0 to 65535")]
    [InlineData("127.0.0.1:+80", ": the port must be a number from 0 to 65535")]
    [InlineData("127.0.0.1:-1", ": the port must be a number from 0 to 65535")]
    [InlineData("127.0.0.1:65536", ": the port must be a number from 0 to 65535")]
    public void Refuses_malformed_addresses_and_ports(string text, string reason)
    {
        var refused = Assert.Throws<PluginException>(() => ListenAddress.Parse(text, allowRemote: true, "open params listenAddress"));

        Assert.Equal($"open params listenAddress '{text}'" + (reason.StartsWith(':') ? reason : " " + reason), refused.Message);
    }
}
