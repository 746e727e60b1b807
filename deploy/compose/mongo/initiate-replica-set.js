// Run once by compose's mongo-init service (mongosh as the administrator, on mongo-1): initiates the three-member
// replica set if it is not initiated yet, waits for a primary, then creates each service's user with readWrite on its
// own database only. Safe to run again: an initiated set and existing users are left alone (passwords are updated).
const members = ["mongo-1:27017", "mongo-2:27017", "mongo-3:27017"];
try {
  rs.status();
  print("replica set already initiated");
} catch (e) {
  if (e.codeName !== "NotYetInitialized") throw e;
  rs.initiate({ _id: "rs0", members: members.map((host, i) => ({ _id: i, host: host, priority: i === 0 ? 2 : 1 })) });
}
const deadline = Date.now() + 120000;
while (!db.hello().isWritablePrimary) {
  if (Date.now() > deadline) throw new Error("no primary within two minutes");
  sleep(1000);
}
const services = {
  booking: "MONGO_BOOKING_PASSWORD", records: "MONGO_RECORDS_PASSWORD", consent: "MONGO_CONSENT_PASSWORD",
  marketing: "MONGO_MARKETING_PASSWORD", rights: "MONGO_RIGHTS_PASSWORD", gateway: "MONGO_GATEWAY_PASSWORD",
};
for (const [database, variable] of Object.entries(services)) {
  const password = process.env[variable];
  if (!password) throw new Error(variable + " is not set");
  const target = db.getSiblingDB(database);
  if (target.getUser(database)) {
    target.updateUser(database, { pwd: password });
  } else {
    target.createUser({ user: database, pwd: password, roles: [{ role: "readWrite", db: database }] });
  }
  print("user " + database + " ready");
}
