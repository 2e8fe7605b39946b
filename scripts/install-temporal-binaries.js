console.log('temporal binaries: (installer pending)')
