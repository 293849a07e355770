using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>
/// A tiny SMTP server on a loopback port: a real socket speaking enough of RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA,
/// RSET, NOOP, QUIT) for a real client to deliver to it. It keeps what it receives, parsed, and can be told to refuse
/// mail with a temporary error.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TestSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Answer MAIL FROM with 451 (try again later) while set.</summary>
    public bool Refuse { get; set; }

    public ConcurrentQueue<(string[] Recipients, MimeMessage Message)> Received { get; } = new();

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (true)
                sessions.Add(SessionAsync(await _listener.AcceptTcpClientAsync(_stop.Token)));
        }
        catch (OperationCanceledException) { }
        await Task.WhenAll(sessions);
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        // Latin-1 maps bytes one to one, so an 8-bit message survives the trip into a string and back.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        var recipients = new List<string>();
        try
        {
            await writer.WriteLineAsync("220 localhost test SMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync(Refuse ? "451 4.3.0 Try again later" : "250 2.1.0 OK");
                        break;
                    case "RCPT":
                        recipients.Add(line[(line.IndexOf(':') + 1)..].Trim(' ', '<', '>'));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var message = await ReadDataAsync(reader);
                        Received.Enqueue((recipients.ToArray(), message));
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.1 Not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException) { }
    }

    private async Task<MimeMessage> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n"); // undo dot-stuffing
        return await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
