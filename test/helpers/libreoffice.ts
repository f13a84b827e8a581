/** LibreOffice for tests: the same runner `npm run bench` measures with. */
export { exportPdf, recalculate, requireOracle, sofficeAvailable } from "../../bench/libreoffice";
