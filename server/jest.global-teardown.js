/** The run's MariaDB template goes once every worker is done with it. */
const { endRun, templateName } = require('../scripts/test-database-template');

module.exports = async () => {
  const databases = (process.env.TEST_DATABASES ?? 'sqlite,mariadb').split(',');
  if (templateName() && databases.includes('mariadb'))
    await endRun(process.env.TEST_MYSQL_URL ?? 'mysql://utility:utility@127.0.0.1:3306');
};
