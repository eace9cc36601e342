namespace OrleansNetOps.Configuration;

/// <summary>The configuration cannot be used; <see cref="Exception.Message"/> lists every problem, one per line.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(string.Join(Environment.NewLine, (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.ToString())))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public ConfigException(ConfigError error)
        : this([error])
    {
    }

    /// <summary>Creates the exception with a free-form message.</summary>
    public ConfigException(string message)
        : base(message)
    {
        Errors = [new ConfigError("configuration", string.Empty, message)];
    }

    /// <summary>Creates the exception with a free-form message and its cause.</summary>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ConfigError("configuration", string.Empty, message)];
    }

    /// <summary>Creates the exception without detail.</summary>
    public ConfigException()
        : this("The configuration is invalid.")
    {
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }
}
