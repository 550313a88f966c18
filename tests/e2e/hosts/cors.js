// The test passes the other origin's data address in the query string.
const data = new URLSearchParams(location.search).get('data');
if (data) document.getElementById('remote').setAttribute('src', data);
