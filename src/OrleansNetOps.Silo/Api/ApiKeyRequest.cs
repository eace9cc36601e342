using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansNetOps.Configuration;
using OrleansNetOps.Silo.Auth;

namespace OrleansNetOps.Silo.Api;

/// <summary>The body of <c>POST /api/v1/admin/keys</c>: <c>{ name, roles: [..] }</c>.</summary>
/// <param name="Name">The holder: letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, at most 64.</param>
/// <param name="Roles">Roles; the highest counts, and includes those below it.</param>
internal sealed partial record ApiKeyRequest(string Name, IReadOnlyList<Role> Roles)
{
    /// <summary>Reads the body; errors are keyed by field.</summary>
    public static ApiKeyRequest Read(JsonElement body, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["expected an object { name, roles }"];
            return new ApiKeyRequest(string.Empty, []);
        }

        var name = string.Empty;
        if (!body.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            errors["name"] = ["required: a string of letters, digits, '.', '_' or '-'"];
        }
        else if (!NamePattern().IsMatch(name = nameElement.GetString()!))
        {
            errors["name"] = [$"'{name}' may hold only letters, digits, '.', '_' and '-' (1 to 64)"];
        }

        var roles = new List<Role>();
        if (!body.TryGetProperty("roles", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            errors["roles"] = [$"required: a non-empty list of {YamlSection.EnumNames<Role>()}"];
        }
        else
        {
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var match = Enum.GetValues<Role>().Where(r => item.ValueKind == JsonValueKind.String && SiloClaims.RoleName(r) == item.GetString()).ToList();
                if (match.Count == 1)
                {
                    roles.Add(match[0]);
                }
                else
                {
                    errors[string.Create(CultureInfo.InvariantCulture, $"roles[{index}]")] =
                        [$"{(item.ValueKind == JsonValueKind.String ? $"'{item.GetString()}'" : item.ValueKind.ToString().ToLowerInvariant())} is not one of {YamlSection.EnumNames<Role>()}"];
                }

                index++;
            }
        }

        return new ApiKeyRequest(name, roles);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
