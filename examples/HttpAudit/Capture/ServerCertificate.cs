using System;
using System.IO;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Falco.Plugins.Examples.HttpAudit.Capture;

/// <summary>
/// The server certificate named by the <c>tls</c> config, with the intermediate certificates
/// that follow it in the file, loaded at init so that a bad file fails init.
/// </summary>
internal sealed class ServerCertificate : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly X509Certificate2Collection _intermediates;

    private ServerCertificate(X509Certificate2 certificate, X509Certificate2Collection intermediates)
    {
        _certificate = certificate;
        _intermediates = intermediates;
    }

    /// <summary>The certificate's subject, for messages.</summary>
    public string Subject => _certificate.Subject;

    /// <summary>When the certificate expires.</summary>
    public DateTime NotAfter => _certificate.NotAfter;

    /// <summary>Loads the certificate, its private key and the intermediates.</summary>
    /// <exception cref="PluginException">The config is inconsistent, a file cannot be read, or the key is missing.</exception>
    public static ServerCertificate Load(HttpAuditTlsConfig tls)
    {
        bool pem = !string.IsNullOrEmpty(tls.CertificateFile);
        if (pem == !string.IsNullOrEmpty(tls.Pkcs12File))
        {
            throw new PluginException("tls needs exactly one of certificateFile (PEM, with keyFile) and pkcs12File");
        }

        if (!pem && !string.IsNullOrEmpty(tls.KeyFile))
        {
            throw new PluginException("tls.keyFile goes with tls.certificateFile; a PKCS#12 file holds its key");
        }

        string file = pem ? tls.CertificateFile! : tls.Pkcs12File!;
        ServerCertificate loaded;
        try
        {
            loaded = pem ? LoadPem(file, NullIfEmpty(tls.KeyFile), NullIfEmpty(tls.Password)) : LoadPkcs12(file, tls.Password);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new PluginException($"tls: cannot load the certificate from '{file}': {ex.Message}", ex);
        }

        if (!loaded._certificate.HasPrivateKey)
        {
            loaded.Dispose();
            throw new PluginException($"tls: the certificate from '{file}' comes without its private key");
        }

        return loaded;
    }

    /// <summary>The server side TLS options, shared by every connection.</summary>
    public SslServerAuthenticationOptions Options() => new()
    {
        // Built once, so the chain is not rebuilt for each handshake, and never fetched from the network.
        ServerCertificateContext = SslStreamCertificateContext.Create(_certificate, _intermediates, offline: true),
        ApplicationProtocols = [SslApplicationProtocol.Http11],
        ClientCertificateRequired = false,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _certificate.Dispose();
        foreach (X509Certificate2 intermediate in _intermediates)
        {
            intermediate.Dispose();
        }
    }

    private static ServerCertificate LoadPem(string certificateFile, string? keyFile, string? password)
    {
        X509Certificate2 certificate = password is null
            ? X509Certificate2.CreateFromPemFile(certificateFile, keyFile)
            : X509Certificate2.CreateFromEncryptedPemFile(certificateFile, password, keyFile);

        // The certificates after the first one in the file are its chain.
        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(certificateFile);
        var intermediates = new X509Certificate2Collection();
        for (int i = 0; i < all.Count; i++)
        {
            if (i == 0)
            {
                all[i].Dispose();
            }
            else
            {
                intermediates.Add(all[i]);
            }
        }

        return new ServerCertificate(certificate, intermediates);
    }

    private static ServerCertificate LoadPkcs12(string file, string? password)
    {
        var all = new X509Certificate2Collection();
        all.Import(file, password, X509KeyStorageFlags.EphemeralKeySet);
        X509Certificate2 certificate = all.FirstOrDefault(c => c.HasPrivateKey) ?? all.FirstOrDefault()
            ?? throw new CryptographicException("the file holds no certificate");
        var intermediates = new X509Certificate2Collection();
        foreach (X509Certificate2 other in all.Where(c => c != certificate))
        {
            intermediates.Add(other);
        }

        return new ServerCertificate(certificate, intermediates);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
