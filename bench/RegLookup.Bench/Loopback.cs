using System.Net;
using System.Net.Sockets;

namespace RegLookup.Bench;

/// <summary>Servers the benchmarks start listen on loopback only, on a port the system says is free.</summary>
public static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
