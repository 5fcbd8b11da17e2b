import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";

// The schema engine probes the server when it starts, even for a diff between two schema
// files that never touches a database. Answering that one probe here lets a migration be
// written with no PostgreSQL running. The version only steers introspection, which a
// schema-to-schema diff does not do.
const SERVER_PROBE = "current_setting('server_version_num')";

function refuse(what: string): never {
  throw new Error(`The offline schema engine has no database, but it was asked to run: ${what}`);
}

const offlineAdapter: SqlDriverAdapter = {
  provider: "postgres",
  adapterName: "connect-inbox-offline",
  async queryRaw(query: SqlQuery) {
    if (!query.sql.includes(SERVER_PROBE)) refuse(query.sql);
    return {
      columnNames: ["exists", "version", "numeric_version"],
      columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
      rows: [[true, "PostgreSQL 15.0 (offline)", 150000]],
    };
  },
  async executeRaw(query: SqlQuery) {
    return refuse(query.sql);
  },
  async executeScript(script: string) {
    refuse(script);
  },
  async startTransaction() {
    return refuse("BEGIN");
  },
  getConnectionInfo() {
    return { schemaName: "public", supportsRelationJoins: true };
  },
  async dispose() {},
};

/** A driver adapter factory for engine commands that need no database (schema-to-schema diffs). */
export const offlineAdapterFactory: SqlMigrationAwareDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "connect-inbox-offline",
  async connect() {
    return offlineAdapter;
  },
  async connectToShadowDb() {
    return refuse("a shadow database");
  },
};
