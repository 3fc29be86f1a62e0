using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Intake.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Intake.Web.Secrets;

/// <summary>
/// The Data Protection key ring in <c>keys/</c> is encrypted with a key held outside the data directory: a
/// certificate (<c>Intake:KeyRing:CertificateFile</c>, PKCS#12, with <c>Intake:KeyRing:CertificatePassword</c>)
/// when one is configured, otherwise a key derived from the instance key (AES-256-GCM). Keys written before
/// protection was configured stay readable; <see cref="WarnAboutUnprotectedKeys"/> says at start that they exist.
/// </summary>
public static class KeyRingProtection
{
    public const string CertificateSetting = "Intake:KeyRing:CertificateFile";
    public const string CertificatePasswordSetting = "Intake:KeyRing:CertificatePassword";

    public static IDataProtectionBuilder ProtectKeyRing(this IDataProtectionBuilder builder, IConfiguration configuration, InstanceKey instanceKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[CertificateSetting] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting]);
            return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(_ =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlEncryptor = new InstanceKeyXmlEncryptor(instanceKey)));
        return builder;
    }

    /// <summary>Writes a warning for every key in the ring stored without encryption.</summary>
    public static void WarnAboutUnprotectedKeys(DataDirectory data, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(logger);
        if (!Directory.Exists(data.KeyRing))
        {
            return;
        }

        var unprotected = Directory.EnumerateFiles(data.KeyRing, "key-*.xml")
            .Count(file => !XDocument.Load(file).Descendants("encryptedSecret").Any());
        if (unprotected > 0)
        {
            logger.LogWarning(
                "The Data Protection key ring holds {Count} keys stored WITHOUT encryption, written before the key ring was protected. " +
                "Whoever copies the data directory can use them until they expire; they are no longer used for new cookies.",
                unprotected);
        }
    }
}

/// <summary>Encrypts a key ring entry with AES-256-GCM under a key derived from the instance key.</summary>
public sealed class InstanceKeyXmlEncryptor(InstanceKey instanceKey) : IXmlEncryptor
{
    // The label of the key ring's encryption key: distinct from every other use of the instance key.
    internal const string Label = "intake.keyring/v1/aes-256-gcm";
    internal const string ElementName = "instanceKeyEncrypted";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var key = instanceKey.Derive(Label);
        try
        {
            var output = new byte[AesGcm.NonceByteSizes.MaxSize + plaintext.Length + AesGcm.TagByteSizes.MaxSize];
            var nonce = output.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
            aes.Encrypt(nonce, plaintext, output.AsSpan(nonce.Length, plaintext.Length), output.AsSpan(nonce.Length + plaintext.Length));
            var element = new XElement(ElementName, new XComment(" Encrypted with the Intake instance key (AES-256-GCM) "), new XElement("value", Convert.ToBase64String(output)));
            return new EncryptedXmlInfo(element, typeof(InstanceKeyXmlDecryptor));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

/// <summary>Opens what <see cref="InstanceKeyXmlEncryptor"/> wrote. Made by Data Protection through its service provider.</summary>
public sealed class InstanceKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var input = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        if (input.Length < nonceSize + tagSize)
        {
            throw new CryptographicException("The key ring entry is truncated.");
        }

        var key = services.GetRequiredService<InstanceKey>().Derive(InstanceKeyXmlEncryptor.Label);
        var plaintext = new byte[input.Length - nonceSize - tagSize];
        try
        {
            using var aes = new AesGcm(key, tagSize);
            aes.Decrypt(input.AsSpan(0, nonceSize), input.AsSpan(nonceSize, plaintext.Length), input.AsSpan(nonceSize + plaintext.Length), plaintext);
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
