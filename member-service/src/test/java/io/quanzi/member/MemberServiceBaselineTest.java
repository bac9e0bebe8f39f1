package io.quanzi.member;

import io.quanzi.platform.test.ServiceBaselineContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@SpringBootTest
@AutoConfigureWebTestClient
class MemberServiceBaselineTest extends ServiceBaselineContract {}
