using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

public sealed class AgencyStore(Database db)
{
    private const string Select = "SELECT code, name, name_en FROM agencies";

    public async Task UpsertAsync(DbSession s, Agency agency)
    {
        await s.ExecuteAsync("""
            INSERT INTO agencies (code, name, name_en) VALUES (@Code, @Name, @NameEn)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en
            """, agency);
        s.Changed(Entities.Agency, agency.Code);
    }

    public Task<Agency?> GetAsync(string code) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<Agency>($"{Select} WHERE code = @code", new { code }));

    public Task<List<Agency>> ListAsync() =>
        db.ReadAsync(async c => (await c.QueryAsync<Agency>($"{Select} ORDER BY code")).ToList());
}
